# The worker image of `judge run --sandbox docker`. Build it with `judge image build`, not by hand: the judge
# prepares the build context, a small directory holding this file and `site/` -- msgpack, numpy (+numpy.libs)
# and the judge's worker modules (judge/__init__.py, rpc.py, worker.py, adapters.py, forbid.py) copied from the
# judge's own installation. Never the problems, hidden tests, references or submissions.
#
# Because `site/` comes from the judge's Python, the base image's Python must have the same minor version
# (compiled extensions are built for one CPython ABI); the build checks it and fails with a clear message.
# No registry reachable? `judge image build --local-base` first makes `judge-base:local` offline from the
# host's own interpreter (docker import) and builds FROM it.
ARG BASE_IMAGE=python:3.11-slim
FROM ${BASE_IMAGE}

ARG JUDGE_PYTHON
ARG JUDGE_DIGEST=unknown
LABEL org.opencontainers.image.title="judge worker" \
      judge.python="${JUDGE_PYTHON}" \
      judge.digest="${JUDGE_DIGEST}"

COPY site/ /opt/judge-site/

# Exec form: the offline base image has no shell. Proves the interpreter matches and the worker imports.
RUN ["python3", "-I", "-S", "-B", "-c", "import os, sys; want = os.environ.get('JUDGE_PYTHON', ''); have = '%d.%d' % sys.version_info[:2]; want in ('', have) or sys.exit('the base image has Python ' + have + ' but the judge runs Python ' + want + ': their minor versions must match'); sys.path[:0] = ['/opt/judge-site']; import msgpack, numpy, judge.worker; print('worker imports fine on Python', have, 'with numpy', numpy.__version__)"]

# A non-root user that owns nothing in the image; the worker's only writable place is the tmpfs /tmp.
USER 65534:65534
WORKDIR /tmp

# expect: accepted
# why: heap sort on a copy (2 comparisons per sift level, ~2 N log2 N); the comment below and the
#      string mention forbidden names, which is fine: only code is checked.

# Not allowed: sorted(), list.sort() or the heapq module, so the heap is written by hand.
NOTE = "a hand-written heap instead of heapq"


def sort(items: list) -> list:
    heap = list(items)
    n = len(heap)

    def sift_down(root: int, end: int) -> None:
        while True:
            child = 2 * root + 1
            if child >= end:
                return
            if child + 1 < end and heap[child] < heap[child + 1]:
                child += 1
            if heap[root] < heap[child]:
                heap[root], heap[child] = heap[child], heap[root]
                root = child
            else:
                return

    for start in range(n // 2 - 1, -1, -1):
        sift_down(start, n)
    for end in range(n - 1, 0, -1):
        heap[0], heap[end] = heap[end], heap[0]
        sift_down(0, end)
    return heap

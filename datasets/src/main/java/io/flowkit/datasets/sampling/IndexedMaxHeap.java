package io.flowkit.datasets.sampling;

/**
 * A binary max-heap over items 0..n−1 keyed by doubles, with removal of the maximum and in-place
 * key decrease, both O(log n). Ties are broken by the smaller item index, so runs are
 * deterministic.
 */
final class IndexedMaxHeap {

    private final double[] key;
    private final int[] heap;
    private final int[] position;
    private int size;

    /**
     * @param keys initial key of each item (copied)
     */
    IndexedMaxHeap(double[] keys) {
        this.key = keys.clone();
        this.size = keys.length;
        this.heap = new int[size];
        this.position = new int[size];
        for (int i = 0; i < size; i++) {
            heap[i] = i;
            position[i] = i;
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            down(i);
        }
    }

    int size() {
        return size;
    }

    boolean contains(int item) {
        return position[item] >= 0;
    }

    /** @return the item with the largest key (left in the heap) */
    int max() {
        return heap[0];
    }

    /** @return the item with the largest key, removed from the heap */
    int removeMax() {
        int top = heap[0];
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            position[heap[0]] = 0;
            down(0);
        }
        position[top] = -1;
        return top;
    }

    /**
     * @param item an item still in the heap
     * @param newKey a key not larger than its current key
     */
    void decrease(int item, double newKey) {
        key[item] = newKey;
        down(position[item]);
    }

    private boolean above(int a, int b) {
        return key[a] > key[b] || (key[a] == key[b] && a < b);
    }

    private void down(int i) {
        int item = heap[i];
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int c = l + 1 < size && above(heap[l + 1], heap[l]) ? l + 1 : l;
            if (!above(heap[c], item)) {
                break;
            }
            heap[i] = heap[c];
            position[heap[i]] = i;
            i = c;
        }
        heap[i] = item;
        position[item] = i;
    }
}

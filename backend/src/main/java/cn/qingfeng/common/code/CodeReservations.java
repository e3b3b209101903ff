package cn.qingfeng.common.code;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Blocks of numbers reserved by long work for itself, for as long as its request context lives. */
@RequestScoped
public class CodeReservations {

    /** What to do with a block's unused numbers. */
    interface Unused {
        void give(String prefix, int year, long first, long last);
    }

    private record Block(String prefix, int year, long[] next, long last) {
    }

    private final Map<String, Block> blocks = new HashMap<>();
    private int blockSize;

    int blockSize() {
        return blockSize;
    }

    void blockSize(int size) {
        this.blockSize = size;
        if (size == 0) {
            blocks.clear();
        }
    }

    void add(String prefix, int year, long first, long last) {
        blocks.put(prefix + "-" + year, new Block(prefix, year, new long[]{first}, last));
    }

    OptionalLong take(String prefix, int year) {
        Block block = blocks.get(prefix + "-" + year);
        if (block == null || block.next()[0] > block.last()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(block.next()[0]++);
    }

    void unused(Unused each) {
        for (Block b : blocks.values()) {
            if (b.next()[0] <= b.last()) {
                each.give(b.prefix(), b.year(), b.next()[0], b.last());
            }
        }
    }
}

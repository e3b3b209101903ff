package cn.qingfeng.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.common.code.CodeGenerator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Human codes stay unique and gap-free when many creators ask at once. */
@QuarkusTest
class CodeGeneratorTest {

    @Inject
    CodeGenerator codes;

    @Test
    void concurrentCreatorsNeverShareACode() throws Exception {
        int year = 2000 + (int) (System.nanoTime() % 900);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<List<String>>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            work.add(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    mine.add(QuarkusTransaction.requiringNew().call(() -> codes.next("TT", year)));
                }
                return mine;
            });
        }
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> f : pool.invokeAll(work)) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(200).doesNotHaveDuplicates();
        assertThat(all).contains(String.format("TT-%d-0001", year), String.format("TT-%d-0200", year));
    }

    @Test
    void aRolledBackCreationGivesItsNumberBack() {
        int year = 1000 + (int) (System.nanoTime() % 900);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                codes.next("RB", year);
                throw new IllegalStateException("creation failed");
            });
        } catch (IllegalStateException expected) {
            // the creation's transaction rolled back
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> codes.next("RB", year)))
                .isEqualTo(String.format("RB-%d-0001", year));
    }
}

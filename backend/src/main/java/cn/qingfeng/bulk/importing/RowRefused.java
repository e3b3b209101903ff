package cn.qingfeng.bulk.importing;

import java.util.List;

/** A record's rows could not be taken; every problem found is here, not only the first. */
public final class RowRefused extends RuntimeException {

    private final transient List<RowProblem> problems;

    public RowRefused(List<RowProblem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}

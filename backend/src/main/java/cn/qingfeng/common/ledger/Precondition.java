package cn.qingfeng.common.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named rule an action needs besides the states it may start from, e.g. "every measure done"
 * before 申请销号. It reads only the record's facts (and who asks), so the same rule answers both
 * "may I?" for the buttons ({@code allowedActions}) and the refusal when the action is tried.
 *
 * @param code    the stable refusal code, e.g. {@code rectification.measures-open}
 * @param holds   whether the rule holds for these facts and this caller
 * @param message the refusal for people (Chinese), from the facts (e.g. with a count)
 * @param details extra members of the refusal, e.g. {@code openMeasures}
 * @param ofState whether the rule stands for a state (of the record's owner, e.g. a measure of a
 *                closed item): then {@code allowedActions} offers the action as blocked by STATE,
 *                like the record's own state, since nobody can meet it on this record
 */
public record Precondition<F>(String code, BiPredicate<F, Caller> holds, Function<F, String> message,
                              Function<F, Map<String, Object>> details, boolean ofState) {

    public Precondition(String code, BiPredicate<F, Caller> holds, Function<F, String> message,
                        Function<F, Map<String, Object>> details) {
        this(code, holds, message, details, false);
    }

    public static <F> Precondition<F> of(String code, String message, Predicate<F> holds) {
        return new Precondition<>(code, (f, c) -> holds.test(f), f -> message, f -> Map.of());
    }

    /** A rule about who asks (e.g. not the applicant). */
    public static <F> Precondition<F> ofCaller(String code, String message, BiPredicate<F, Caller> holds) {
        return new Precondition<>(code, holds, f -> message, f -> Map.of());
    }

    public Precondition<F> message(Function<F, String> message) {
        return new Precondition<>(code, holds, message, details, ofState);
    }

    public Precondition<F> details(Function<F, Map<String, Object>> details) {
        return new Precondition<>(code, holds, message, details, ofState);
    }

    /** The rule is a state of another record (see {@code ofState}). */
    public Precondition<F> asState() {
        return new Precondition<>(code, holds, message, details, true);
    }

    /** Empty when the rule holds; details (which may cost a query) only when asked for. */
    Optional<Refusal> check(F facts, Caller caller, boolean withDetails) {
        return holds.test(facts, caller) ? Optional.empty()
                : Optional.of(new Refusal(code, message.apply(facts), withDetails ? details.apply(facts) : Map.of()));
    }
}

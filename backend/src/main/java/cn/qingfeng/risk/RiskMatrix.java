package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.Level;

/** The grading rule, apart from storage so it can be checked cell by cell. */
public final class RiskMatrix {

    public static final int SCALE = 5;

    private RiskMatrix() {
    }

    public static int score(int likelihood, int impact) {
        if (likelihood < 1 || likelihood > SCALE || impact < 1 || impact > SCALE) {
            throw new IllegalArgumentException("likelihood and impact are 1.." + SCALE);
        }
        return likelihood * impact;
    }

    /** A score at or above a threshold takes that level; below 一般's threshold is 低. */
    public static Level level(int score, int majorMin, int significantMin, int generalMin) {
        if (score >= majorMin) {
            return Level.MAJOR;
        }
        if (score >= significantMin) {
            return Level.SIGNIFICANT;
        }
        return score >= generalMin ? Level.GENERAL : Level.LOW;
    }
}

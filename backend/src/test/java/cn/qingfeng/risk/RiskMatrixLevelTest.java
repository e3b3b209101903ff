package cn.qingfeng.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingfeng.risk.RiskEnums.Level;
import org.junit.jupiter.api.Test;

/** The level of every one of the 25 cells, for every valid set of thresholds. */
class RiskMatrixLevelTest {

    @Test
    void everyCellTakesTheLevelOfTheHighestThresholdItsScoreReaches() {
        int checked = 0;
        for (int general = 2; general <= 23; general++) {
            for (int significant = general + 1; significant <= 24; significant++) {
                for (int major = significant + 1; major <= 25; major++) {
                    for (int l = 1; l <= 5; l++) {
                        for (int i = 1; i <= 5; i++) {
                            int score = RiskMatrix.score(l, i);
                            // The oracle reads the thresholds as the office writes them: score ranges per level.
                            int[][] ranges = {{1, general - 1}, {general, significant - 1}, {significant, major - 1}, {major, 25}};
                            Level expected = null;
                            for (int k = 0; k < ranges.length; k++) {
                                if (ranges[k][0] <= score && score <= ranges[k][1]) {
                                    assertThat(expected).as("ranges overlap").isNull();
                                    expected = Level.values()[k];
                                }
                            }
                            assertThat(score).isEqualTo(l * i);
                            assertThat(RiskMatrix.level(score, major, significant, general))
                                    .as("L%d×I%d=%d with thresholds %d/%d/%d", l, i, score, general, significant, major)
                                    .isEqualTo(expected);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(2024 * 25);
    }

    @Test
    void defaultMatrixGradesTheCellsAsTheOfficeDoes() {
        // Version 1: 低 1–4, 一般 5–9, 较大 10–14, 重大 15–25.
        Level[][] expected = {
                // impact 1..5 for likelihood 1
                {Level.LOW, Level.LOW, Level.LOW, Level.LOW, Level.GENERAL},
                {Level.LOW, Level.LOW, Level.GENERAL, Level.GENERAL, Level.SIGNIFICANT},
                {Level.LOW, Level.GENERAL, Level.GENERAL, Level.SIGNIFICANT, Level.MAJOR},
                {Level.LOW, Level.GENERAL, Level.SIGNIFICANT, Level.MAJOR, Level.MAJOR},
                {Level.GENERAL, Level.SIGNIFICANT, Level.MAJOR, Level.MAJOR, Level.MAJOR}};
        for (int l = 1; l <= 5; l++) {
            for (int i = 1; i <= 5; i++) {
                assertThat(RiskMatrix.level(RiskMatrix.score(l, i), 15, 10, 5)).as("L%d×I%d", l, i)
                        .isEqualTo(expected[l - 1][i - 1]);
            }
        }
    }

    @Test
    void higherLikelihoodOrImpactNeverLowersTheLevel() {
        for (int l = 1; l <= 5; l++) {
            for (int i = 1; i <= 5; i++) {
                Level here = RiskMatrix.level(RiskMatrix.score(l, i), 15, 10, 5);
                if (l < 5) {
                    assertThat(RiskMatrix.level(RiskMatrix.score(l + 1, i), 15, 10, 5)).isGreaterThanOrEqualTo(here);
                }
                if (i < 5) {
                    assertThat(RiskMatrix.level(RiskMatrix.score(l, i + 1), 15, 10, 5)).isGreaterThanOrEqualTo(here);
                }
            }
        }
    }

    @Test
    void scaleIsOneToFive() {
        assertThatThrownBy(() -> RiskMatrix.score(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskMatrix.score(3, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}

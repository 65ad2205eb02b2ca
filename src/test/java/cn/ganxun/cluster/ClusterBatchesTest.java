package cn.ganxun.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cluster benchmark's batches are whole follow-ups, and its fixture naming maps trainees to classes. */
class ClusterBatchesTest {

    @Test
    void aBatchIsWholeFollowUpsAndTakesTheDefaultCountWithoutItsOwn() {
        assertThat(ClusterBenchmark.batches("settings:500, kill", 1000, 50))
                .extracting(b -> b.scenario().key() + ":" + b.timers())
                .containsExactly("settings:500", "kill:1000");
    }

    @Test
    void aBatchThatIsNotAMultipleOfTheTraineesPerClassIsRefusedWithTheNearestWholeBatch() {
        assertThatThrownBy(() -> ClusterBenchmark.batches("index:520", 10_000, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("520 due timers are not a multiple of ganxun.cluster.traineesPerClass=50")
                .hasMessageContaining("index:500");
        assertThatThrownBy(() -> ClusterBenchmark.batches("kill:20", 10_000, 50))
                .hasMessageContaining("kill:50");
        assertThatThrownBy(() -> ClusterBenchmark.batches("nodes:100", 10_000, 50))
                .hasMessageContaining("unknown scenario nodes:100");
    }

    @Test
    void traineesOfAClassAreConsecutive() {
        Database db = new Database("jdbc:unused", "", "", 50);
        assertThat(db.classOf(1)).isEqualTo(1);
        assertThat(db.classOf(50)).isEqualTo(1);
        assertThat(db.classOf(101)).isEqualTo(3);
        assertThat(db.classOf(123)).isEqualTo(3);
        assertThat(db.classOf(150)).isEqualTo(3);
        assertThat(db.classOf(151)).isEqualTo(4);
        assertThat(Database.classNumber(db.classOf(123))).isEqualTo("CL000003");
    }
}

package cn.qingfeng.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures from the database as a client sees them: overload is 503 with Retry-After, not a 500. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @BeforeEach
    void wire() {
        mappers.writer = new ProblemWriter();
    }

    private Response map(Throwable e) {
        return mappers.unexpected(e, null);
    }

    @Test
    void anExhaustedConnectionPoolIsBusyNotAnInternalError() {
        Response r = map(new PersistenceException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(((Problem) r.getEntity()).code()).isEqualTo("service-busy");
    }

    @Test
    void aStatementTimeoutOrTooManyConnectionsIsBusyToo() {
        assertThat(map(new PersistenceException(new SQLException("canceling statement due to statement timeout", "57014"))).getStatus())
                .isEqualTo(503);
        assertThat(map(new SQLException("sorry, too many clients already", "53300")).getStatus()).isEqualTo(503);
    }

    @Test
    void otherFailuresStayInternalErrorsAndDuplicatesConflicts() {
        assertThat(map(new IllegalStateException("bug")).getStatus()).isEqualTo(500);
        assertThat(map(new SQLException("other", (String) null)).getStatus()).isEqualTo(500);
        assertThat(map(new PersistenceException(new SQLException("duplicate key", "23505"))).getStatus()).isEqualTo(409);
    }
}

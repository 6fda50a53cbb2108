package shop.commerce.consistency.infrastructure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.consistency.domain.CheckRun;
import shop.commerce.consistency.domain.CheckRunRepository;
import shop.commerce.consistency.domain.ConsistencyCheck;
import shop.commerce.consistency.domain.Violation;
import shop.commerce.support.persistence.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcCheckRunRepository implements CheckRunRepository {

    private static final TypeReference<List<Violation>> VIOLATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcCheckRunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void save(CheckRun run) {
        jdbc.sql("""
                insert into consistency_check_run (checked_at, checks, clean, violation_count, violations)
                values (:checkedAt, :checks, :clean, :count, cast(:violations as json))
                """)
                .param("checkedAt", SqlTime.param(run.checkedAt()))
                .param("checks", run.checks().stream().map(Enum::name).toArray(String[]::new))
                .param("clean", run.clean()).param("count", run.violations().size())
                .param("violations", json.writeValueAsString(run.violations()))
                .update();
    }

    @Override
    public Optional<CheckRun> latest() {
        return jdbc.sql("""
                select checked_at, checks, violations from consistency_check_run order by id desc limit 1
                """)
                .query((rs, n) -> new CheckRun(SqlTime.read(rs, "checked_at"),
                        Arrays.stream((String[]) rs.getArray("checks").getArray()).map(ConsistencyCheck::valueOf)
                                .toList(),
                        json.readValue(rs.getString("violations"), VIOLATIONS)))
                .optional();
    }
}

package shop.commerce.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Records every SQL statement the application sends, so tests can bound the number of queries;
 * and can cut a request's database connection right after a given statement, as an outage does.
 */
public class QueryCounter implements BeanPostProcessor {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<String> requestStatements = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> cutAfter = new AtomicReference<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name("counted")
                    .afterQuery((execution, queries) -> queries.forEach(q -> {
                        statements.add(q.getQuery());
                        if (Thread.currentThread().getName().startsWith("http-nio-")) {
                            requestStatements.add(q.getQuery());
                            String fragment = cutAfter.get();
                            if (fragment != null && q.getQuery().contains(fragment)
                                    && cutAfter.compareAndSet(fragment, null)) {
                                terminateBackendOf(execution.getStatement(), dataSource);
                            }
                        }
                    }))
                    .build();
        }
        return bean;
    }

    /**
     * The next statement a request sends containing {@code fragment} is the last its connection
     * carries: PostgreSQL terminates that backend right after it, as {@code pg_terminate_backend}
     * or a restart does, so the request's next statement, commit or rollback fails.
     */
    public void cutConnectionAfter(String fragment) {
        cutAfter.set(fragment);
    }

    private static void terminateBackendOf(Statement statement, DataSource dataSource) {
        try {
            int pid;
            try (Statement ask = statement.getConnection().createStatement();
                    ResultSet rs = ask.executeQuery("select pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Connection other = dataSource.getConnection();
                    PreparedStatement terminate = other.prepareStatement("select pg_terminate_backend(?)")) {
                terminate.setInt(1, pid);
                terminate.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not cut the connection", e);
        }
    }

    public void reset() {
        statements.clear();
        requestStatements.clear();
    }

    /** The statements sent while serving HTTP requests (not by the schedulers) since the last reset. */
    public List<String> requestStatements() {
        return List.copyOf(requestStatements);
    }

    /** The statements recorded since the last reset that mention {@code fragment} (case-insensitive). */
    public long count(String fragment) {
        String lower = fragment.toLowerCase();
        return statements.stream().filter(s -> s.toLowerCase().contains(lower)).count();
    }
}

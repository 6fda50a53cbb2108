package shop.commerce.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/** Records every SQL statement the application sends, so tests can bound the number of queries. */
public class QueryCounter implements BeanPostProcessor {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<String> requestStatements = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name("counted")
                    .afterQuery((execution, queries) -> queries.forEach(q -> {
                        statements.add(q.getQuery());
                        if (Thread.currentThread().getName().startsWith("http-nio-")) {
                            requestStatements.add(q.getQuery());
                        }
                    }))
                    .build();
        }
        return bean;
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

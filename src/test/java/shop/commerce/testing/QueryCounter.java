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

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name("counted")
                    .afterQuery((execution, queries) -> queries.forEach(q -> statements.add(q.getQuery())))
                    .build();
        }
        return bean;
    }

    public void reset() {
        statements.clear();
    }

    /** The statements recorded since the last reset that mention {@code fragment} (case-insensitive). */
    public long count(String fragment) {
        String lower = fragment.toLowerCase();
        return statements.stream().filter(s -> s.toLowerCase().contains(lower)).count();
    }
}

package shop.commerce.ranking.infrastructure;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.ranking.domain.ProductSales;
import shop.commerce.ranking.domain.SalesRepository;

@Repository
class JdbcSalesRepository implements SalesRepository {

    private final JdbcClient jdbc;

    JdbcSalesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int foldIntoDailyTotals(int limit) {
        // Deleting and adding in one statement: a record is counted exactly once, whoever runs it.
        // The daily rows are upserted in key order, so two folds sharing keys lock them in the same
        // order and cannot deadlock (a hash aggregate's order depends on the batch's key count).
        return jdbc.sql("""
                with moved as (
                    delete from ranking_sale
                     where id in (select id from ranking_sale order by id limit :limit for update skip locked)
                    returning sales_date, product_id, quantity, revenue
                ), totals as (
                    insert into product_sales_daily as d (sales_date, product_id, quantity, revenue)
                    select sales_date, product_id, sum(quantity), sum(revenue) from moved
                     group by sales_date, product_id
                     order by sales_date, product_id
                    on conflict (sales_date, product_id) do update
                       set quantity = d.quantity + excluded.quantity, revenue = d.revenue + excluded.revenue
                )
                select count(*) from moved
                """)
                .param("limit", limit)
                .query(Integer.class).single();
    }

    @Override
    public List<ProductSales> top(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                select product_id, sum(quantity) as quantity, sum(revenue) as revenue
                  from product_sales_daily
                 where sales_date between :from and :to
                 group by product_id
                having sum(quantity) > 0
                 order by quantity desc, revenue desc, product_id
                 limit :limit
                """)
                .param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to))
                .param("limit", limit)
                .query((rs, n) -> new ProductSales(rs.getLong("product_id"), rs.getLong("quantity"),
                        rs.getLong("revenue")))
                .list();
    }
}

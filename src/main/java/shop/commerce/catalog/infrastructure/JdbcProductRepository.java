package shop.commerce.catalog.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.catalog.domain.Product;
import shop.commerce.catalog.domain.ProductOption;
import shop.commerce.catalog.domain.ProductRepository;
import shop.commerce.support.persistence.SqlTime;

@Repository
class JdbcProductRepository implements ProductRepository {

    private final JdbcClient jdbc;

    JdbcProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long create(NewProduct product, Instant now) {
        long productId = jdbc.sql("""
                insert into product (name, price, created_at) values (:name, :price, :now) returning id
                """)
                .param("name", product.name()).param("price", product.price()).param("now", SqlTime.param(now))
                .query(Long.class).single();
        List<NewProduct.NewOption> options = product.options();
        jdbc.sql("""
                with inserted as (
                    insert into product_option (product_id, name, additional_price)
                    select :productId, o.name, o.additional_price
                      from unnest(cast(:names as varchar[]), cast(:prices as bigint[]))
                           with ordinality as o(name, additional_price, position)
                     order by o.position
                    returning id, name
                )
                insert into option_stock (option_id, total, reserved)
                select i.id, s.total, 0
                  from inserted i
                  join unnest(cast(:names as varchar[]), cast(:stocks as bigint[])) as s(name, total)
                    on s.name = i.name
                """)
                .param("productId", productId)
                .param("names", options.stream().map(NewProduct.NewOption::name).toArray(String[]::new))
                .param("prices", options.stream().map(NewProduct.NewOption::additionalPrice).toArray(Long[]::new))
                .param("stocks", options.stream().map(NewProduct.NewOption::stock).toArray(Long[]::new))
                .update();
        return productId;
    }

    @Override
    public Optional<Product> find(long productId) {
        return findAll(List.of(productId)).stream().findFirst();
    }

    @Override
    public List<Product> findAll(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        List<ProductRow> rows = jdbc.sql("select id, name, price from product where id = any(cast(:ids as bigint[]))"
                + " order by id")
                .param("ids", productIds.toArray(Long[]::new))
                .query((rs, n) -> new ProductRow(rs.getLong("id"), rs.getString("name"), rs.getLong("price")))
                .list();
        return withOptions(rows);
    }

    @Override
    public List<Product> page(long offset, int limit) {
        List<ProductRow> rows = jdbc.sql("select id, name, price from product order by id offset :offset limit :limit")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new ProductRow(rs.getLong("id"), rs.getString("name"), rs.getLong("price")))
                .list();
        return withOptions(rows);
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from product").query(Long.class).single();
    }

    @Override
    public boolean exists(long productId) {
        return jdbc.sql("select exists (select 1 from product where id = :id)").param("id", productId)
                .query(Boolean.class).single();
    }

    @Override
    public boolean restock(long productId, long optionId, long quantity) {
        return jdbc.sql("""
                update option_stock s set total = s.total + :quantity
                  from product_option o
                 where o.id = s.option_id and o.id = :optionId and o.product_id = :productId
                """)
                .param("quantity", quantity).param("optionId", optionId).param("productId", productId)
                .update() == 1;
    }

    /** One query for the options of all the rows, whatever their number. */
    private List<Product> withOptions(List<ProductRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ProductOption>> optionsByProduct = new LinkedHashMap<>();
        rows.forEach(row -> optionsByProduct.put(row.id(), new ArrayList<>()));
        jdbc.sql("""
                select o.product_id, o.id, o.name, o.additional_price, s.total, s.reserved
                  from product_option o
                  join option_stock s on s.option_id = o.id
                 where o.product_id = any(cast(:ids as bigint[]))
                 order by o.product_id, o.id
                """)
                .param("ids", optionsByProduct.keySet().toArray(Long[]::new))
                .query(rs -> {
                    optionsByProduct.get(rs.getLong("product_id")).add(new ProductOption(rs.getLong("id"),
                            rs.getString("name"), rs.getLong("additional_price"), rs.getLong("total"),
                            rs.getLong("reserved")));
                });
        return rows.stream()
                .map(row -> new Product(row.id(), row.name(), row.price(), List.copyOf(optionsByProduct.get(row.id()))))
                .toList();
    }

    private record ProductRow(long id, String name, long price) {
    }
}

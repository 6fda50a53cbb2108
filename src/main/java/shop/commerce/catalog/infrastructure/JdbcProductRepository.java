package shop.commerce.catalog.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.catalog.domain.CatalogName;
import shop.commerce.catalog.domain.LiveState;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.catalog.domain.Product;
import shop.commerce.catalog.domain.ProductOption;
import shop.commerce.catalog.domain.ProductRepository;
import shop.commerce.catalog.domain.StockLevel;
import shop.commerce.support.persistence.SqlTime;

@Repository
class JdbcProductRepository implements ProductRepository {

    /** A set of products (the CTE) with all their options and stock, in one statement. */
    private static final String WITH_OPTIONS = """
            with p as (%s)
            select p.id, p.name, p.price, p.version, o.id as option_id, o.name as option_name, o.additional_price,
                   s.total, s.reserved
              from p
              join product_option o on o.product_id = p.id
              join option_stock s on s.option_id = o.id
             order by p.id, o.id
            """;

    private final JdbcClient jdbc;

    JdbcProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long create(NewProduct product, Instant now) {
        long productId = jdbc.sql("""
                insert into product (name, name_key, price, created_at) values (:name, :nameKey, :price, :now)
                returning id
                """)
                .param("name", product.name().display()).param("nameKey", product.name().key())
                .param("price", product.price()).param("now", SqlTime.param(now))
                .query(Long.class).single();
        List<NewProduct.NewOption> options = product.options();
        jdbc.sql("""
                with inserted as (
                    insert into product_option (product_id, name, name_key, additional_price)
                    select :productId, o.name, o.name_key, o.additional_price
                      from unnest(cast(:names as varchar[]), cast(:keys as varchar[]), cast(:prices as bigint[]))
                           with ordinality as o(name, name_key, additional_price, position)
                     order by o.position
                    returning id, name
                ), stocked as (
                    insert into option_stock (option_id, total, reserved)
                    select i.id, s.total, 0
                      from inserted i
                      join unnest(cast(:names as varchar[]), cast(:stocks as bigint[])) as s(name, total)
                        on s.name = i.name
                    returning option_id, total
                )
                insert into stock_receipt (option_id, kind, quantity, received_at)
                select option_id, 'CREATED', total, :now from stocked
                """)
                .param("productId", productId).param("now", SqlTime.param(now))
                .param("names", options.stream().map(o -> o.name().display()).toArray(String[]::new))
                .param("keys", options.stream().map(o -> o.name().key()).toArray(String[]::new))
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
        return jdbc.sql(WITH_OPTIONS.formatted("select id, name, price, version from product where id = any(cast(:ids as bigint[]))"))
                .param("ids", productIds.toArray(Long[]::new))
                .query(JdbcProductRepository::products);
    }

    @Override
    public List<Product> page(long offset, int limit) {
        return jdbc.sql(WITH_OPTIONS.formatted("select id, name, price, version from product order by id offset :offset limit :limit"))
                .param("offset", offset).param("limit", limit)
                .query(JdbcProductRepository::products);
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
    public boolean restock(long productId, long optionId, long quantity, Instant now) {
        return jdbc.sql("""
                with restocked as (
                    update option_stock s set total = s.total + :quantity
                      from product_option o
                     where o.id = s.option_id and o.id = :optionId and o.product_id = :productId
                    returning s.option_id
                )
                insert into stock_receipt (option_id, kind, quantity, received_at)
                select option_id, 'RESTOCKED', :quantity, :now from restocked
                """)
                .param("quantity", quantity).param("optionId", optionId).param("productId", productId)
                .param("now", SqlTime.param(now))
                .update() == 1;
    }

    @Override
    public LiveState liveState(Collection<Long> productIds, Collection<Long> optionIds) {
        Map<Long, Long> versions = new HashMap<>();
        Map<Long, StockLevel> levels = new HashMap<>();
        jdbc.sql("""
                select 'p' as kind, id, version, 0 as total, 0 as reserved
                  from product where id = any(cast(:productIds as bigint[]))
                union all
                select 's', option_id, 0, total, reserved
                  from option_stock where option_id = any(cast(:optionIds as bigint[]))
                """)
                .param("productIds", productIds.toArray(Long[]::new))
                .param("optionIds", optionIds.toArray(Long[]::new))
                .query(rs -> {
                    if ("p".equals(rs.getString("kind"))) {
                        versions.put(rs.getLong("id"), rs.getLong("version"));
                    } else {
                        levels.put(rs.getLong("id"), new StockLevel(rs.getLong("total"), rs.getLong("reserved")));
                    }
                });
        return new LiveState(versions, levels);
    }

    @Override
    public boolean lockForChange(long productId) {
        return jdbc.sql("update product set version = version + 1 where id = :id").param("id", productId)
                .update() == 1;
    }

    @Override
    public void rename(long productId, CatalogName name, long price) {
        jdbc.sql("update product set name = :name, name_key = :nameKey, price = :price where id = :id")
                .param("name", name.display()).param("nameKey", name.key()).param("price", price)
                .param("id", productId)
                .update();
    }

    @Override
    public OptionalLong addOption(long productId, NewProduct.NewOption option, int maxOptions, Instant now) {
        // a statement of its own after the product row's lock: its snapshot sees every option a
        // concurrent addition committed before the lock was granted
        Optional<Long> added = jdbc.sql("""
                with inserted as (
                    insert into product_option (product_id, name, name_key, additional_price)
                    select :productId, :name, :nameKey, :additionalPrice
                     where (select count(*) from product_option where product_id = :productId) < :maxOptions
                    returning id
                ), stocked as (
                    insert into option_stock (option_id, total, reserved)
                    select id, :stock, 0 from inserted
                    returning option_id
                ), received as (
                    insert into stock_receipt (option_id, kind, quantity, received_at)
                    select option_id, 'CREATED', :stock, :now from stocked
                )
                select option_id from stocked
                """)
                .param("productId", productId).param("now", SqlTime.param(now))
                .param("name", option.name().display()).param("nameKey", option.name().key())
                .param("additionalPrice", option.additionalPrice()).param("stock", option.stock())
                .param("maxOptions", maxOptions)
                .query(Long.class).optional();
        return added.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public boolean changeOption(long productId, long optionId, CatalogName name, long additionalPrice) {
        return jdbc.sql("""
                update product_option set name = :name, name_key = :nameKey, additional_price = :additionalPrice
                 where id = :optionId and product_id = :productId
                """)
                .param("name", name.display()).param("nameKey", name.key()).param("additionalPrice", additionalPrice)
                .param("optionId", optionId).param("productId", productId)
                .update() == 1;
    }

    /** Folds rows of (product, one option with its stock) into products, in the rows' order. */
    private static List<Product> products(ResultSet rs) throws SQLException {
        Map<Long, ProductRow> rows = new LinkedHashMap<>();
        Map<Long, List<ProductOption>> options = new LinkedHashMap<>();
        while (rs.next()) {
            long id = rs.getLong("id");
            if (!rows.containsKey(id)) {
                rows.put(id, new ProductRow(id, rs.getString("name"), rs.getLong("price"), rs.getLong("version")));
                options.put(id, new ArrayList<>());
            }
            options.get(id).add(new ProductOption(rs.getLong("option_id"), rs.getString("option_name"),
                    rs.getLong("additional_price"), rs.getLong("total"), rs.getLong("reserved")));
        }
        return rows.values().stream()
                .map(row -> new Product(row.id(), row.name(), row.price(), row.version(),
                        List.copyOf(options.get(row.id()))))
                .toList();
    }

    private record ProductRow(long id, String name, long price, long version) {
    }
}

package shop.commerce.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;

import shop.commerce.balance.application.BalanceQueries;
import shop.commerce.balance.application.ChargeBalanceCommand;
import shop.commerce.balance.application.ChargeBalanceService;
import shop.commerce.catalog.application.ProductCatalogService;
import shop.commerce.catalog.domain.CatalogName;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.support.paging.PageQuery;

/** Demo data for the local run, loaded through the application's own use cases. */
public class LocalDemoData implements ApplicationRunner {

    private final ApplicationContext context;

    LocalDemoData(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        chargeDemoUsers();
        createDemoProducts();
    }

    private void createDemoProducts() {
        ProductCatalogService catalog = context.getBean(ProductCatalogService.class);
        if (catalog.page(new PageQuery(0, 1)).totalElements() > 0) {
            return;
        }
        List<String> sizes = List.of("S", "M", "L", "XL");
        clothing(catalog, "Linen Shirt", 39_000, List.of("White", "Navy"), sizes, 0, 12);
        clothing(catalog, "Oxford Button-Down Shirt", 49_000, List.of("Blue", "White"), sizes, 0, 8);
        clothing(catalog, "Crew Neck T-Shirt", 19_000, List.of("Black", "White", "Grey"), List.of("M", "L"), 0, 30);
        clothing(catalog, "Merino Wool Sweater", 89_000, List.of("Charcoal", "Oatmeal"), sizes, 5_000, 6);
        clothing(catalog, "Selvedge Denim Jeans", 129_000, List.of("Indigo"), List.of("28", "30", "32", "34"), 0, 10);
        clothing(catalog, "Chino Trousers", 69_000, List.of("Khaki", "Olive"), List.of("30", "32", "34"), 0, 9);
        clothing(catalog, "Hooded Sweatshirt", 59_000, List.of("Heather Grey", "Black"), sizes, 0, 15);
        clothing(catalog, "Down Puffer Jacket", 259_000, List.of("Black", "Khaki"), List.of("M", "L", "XL"), 20_000, 4);
        clothing(catalog, "Wool Overcoat", 349_000, List.of("Camel", "Navy"), List.of("M", "L"), 0, 3);
        clothing(catalog, "Running Sneakers", 119_000, List.of("White", "Black"), List.of("250", "260", "270", "280"), 0, 7);
        clothing(catalog, "Canvas Slip-Ons", 55_000, List.of("Ecru"), List.of("240", "250", "260", "270", "280"), 0, 10);
        clothing(catalog, "Cotton Pyjama Set", 45_000, List.of("Stripe", "Check"), List.of("M", "L"), 3_000, 10);
        plain(catalog, "Leather Card Wallet", 79_000, 25);
        plain(catalog, "Canvas Tote Bag", 29_000, 40);
        plain(catalog, "Stainless Tumbler 500ml", 32_000, 60);
        plain(catalog, "Ceramic Mug", 15_000, 80);
        plain(catalog, "Bamboo Toothbrush Set", 9_000, 150);
        plain(catalog, "Hand Cream 50ml", 18_000, 70);
        plain(catalog, "Wireless Earbuds", 159_000, 20);
        plain(catalog, "Limited Edition Print (signed)", 490_000, 3);
        plain(catalog, "Notebook A5 Dotted", 12_000, 200);
        plain(catalog, "Cashmere Scarf", 139_000, 12);
    }

    private static void clothing(ProductCatalogService catalog, String name, long price, List<String> colours,
            List<String> sizes, long largeSizeSurcharge, long stockEach) {
        List<NewProduct.NewOption> options = new ArrayList<>();
        for (String colour : colours) {
            for (String size : sizes) {
                if (options.size() < NewProduct.MAX_OPTIONS) {
                    long surcharge = size.equals("XL") ? largeSizeSurcharge : 0;
                    options.add(new NewProduct.NewOption(CatalogName.ofOption("name", colour + " / " + size), surcharge,
                            stockEach));
                }
            }
        }
        catalog.create(new NewProduct(CatalogName.ofProduct("name", name), price, options));
    }

    private static void plain(ProductCatalogService catalog, String name, long price, long stock) {
        catalog.create(new NewProduct(CatalogName.ofProduct("name", name), price,
                List.of(new NewProduct.NewOption(CatalogName.ofOption("name", "Default"), 0, stock))));
    }

    private void chargeDemoUsers() {
        ChargeBalanceService charge = context.getBean(ChargeBalanceService.class);
        BalanceQueries balances = context.getBean(BalanceQueries.class);
        for (long userId = 1; userId <= 3; userId++) {
            if (balances.balanceOf(userId) == 0) {
                charge.charge(new ChargeBalanceCommand(userId, 500_000));
            }
        }
    }
}

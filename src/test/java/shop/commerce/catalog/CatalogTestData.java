package shop.commerce.catalog;

/** Request bodies for products used by the catalog tests. */
final class CatalogTestData {

    private CatalogTestData() {
    }

    static String shirt(String name, long blackStock, long whiteStock) {
        return """
                {"name":"%s","price":39000,"options":[
                  {"name":"Black / M","additionalPrice":0,"stock":%d},
                  {"name":"White / L","additionalPrice":2000,"stock":%d}]}
                """.formatted(name, blackStock, whiteStock);
    }

    static String plain(String name, long price, long stock) {
        return """
                {"name":"%s","price":%d,"options":[{"name":"Default","additionalPrice":0,"stock":%d}]}
                """.formatted(name, price, stock);
    }
}

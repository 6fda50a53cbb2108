package shop.commerce.cart.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import shop.commerce.cart.application.CartService;
import shop.commerce.cart.application.CartView;
import shop.commerce.support.openapi.ProblemCodes;
import shop.commerce.support.web.RequestValidation;

@RestController
@RequestMapping("/api/v1/users/{userId}/cart")
@Tag(name = "Cart", description = "A user's cart, kept in the database")
class CartController {

    private final CartService carts;
    private final RequestValidation validation;

    CartController(CartService carts, RequestValidation validation) {
        this.validation = validation;
        this.carts = carts;
    }

    @GetMapping
    @Operation(summary = "The cart with current prices and live stock")
    CartView cart(@PathVariable @Positive long userId) {
        return carts.view(userId);
    }

    @PutMapping("/items")
    @ProblemCodes({ "PRODUCT_NOT_FOUND", "OPTION_NOT_FOUND", "OUT_OF_STOCK" })
    @Operation(summary = "Set a line's quantity (adds the line if new)")
    CartView put(@PathVariable @Positive long userId, @RequestBody PutCartItemRequest request) {
        validation.validateForCaller(request.userId(), request);
        return carts.put(userId, request.productId(), request.optionId(), request.quantity());
    }

    @DeleteMapping("/items/{optionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a line")
    void delete(@PathVariable @Positive long userId, @PathVariable long optionId) {
        carts.delete(userId, optionId);
    }

    record PutCartItemRequest(@Schema(description = "Optional; when given, the caller's own user id") Long userId,
            @NotNull @Positive Long productId, @NotNull @Positive Long optionId,
            @NotNull @Min(1) @Max(1000) Long quantity) {
    }
}

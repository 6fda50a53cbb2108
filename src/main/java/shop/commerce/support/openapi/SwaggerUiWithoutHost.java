package shop.commerce.support.openapi;

import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigParameters;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.providers.SpringWebProvider;
import org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Swagger UI's configuration ({@code /v3/api-docs/swagger-config}, the UI's initializer) with
 * nothing taken from the request's {@code Host} or {@code X-Forwarded-*} headers. springdoc builds
 * an absolute {@code oauth2RedirectUrl} from them; the API has no OAuth2 flow to redirect to (it
 * takes bearer tokens), so none is given, and the UI, should it need one, takes it from the address
 * of its own page in the browser. Every other address in the configuration is a path.
 */
class SwaggerUiWithoutHost extends SwaggerWelcomeWebMvc {

    SwaggerUiWithoutHost(SwaggerUiConfigProperties swaggerUiConfig, SpringDocConfigProperties springDocConfig,
            ObjectProvider<SpringWebProvider> springWebProvider) {
        super(swaggerUiConfig, springDocConfig, springWebProvider);
    }

    @Override
    protected void calculateOauth2RedirectUrl(SwaggerUiConfigParameters parameters, UriComponentsBuilder request) {
        // left unset on purpose: see the class comment
    }
}

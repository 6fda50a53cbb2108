package shop.commerce.support.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final RequestBodyLimit requestBodyLimit;

    WebConfig(RequestBodyLimit requestBodyLimit) {
        this.requestBodyLimit = requestBodyLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requestBodyLimit);
    }
}

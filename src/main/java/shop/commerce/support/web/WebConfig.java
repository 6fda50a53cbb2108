package shop.commerce.support.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.DispatcherType;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final RequestBodyLimit requestBodyLimit;

    WebConfig(RequestBodyLimit requestBodyLimit) {
        this.requestBodyLimit = requestBodyLimit;
    }

    /** The request id also covers the container's error dispatch, so its log lines and problem carry it. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilterRegistration(RequestIdFilter filter) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** In this order: 413, then 415 and 406 (the order of errors in docs/api.md). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requestBodyLimit);
        registry.addInterceptor(new JsonMediaTypes()).addPathPatterns("/api/**");
    }

    /** Only the allowed converters, whatever the class path brings along (see {@link JsonMediaTypes}). */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(c -> !JsonMediaTypes.allowed(c)));
    }
}

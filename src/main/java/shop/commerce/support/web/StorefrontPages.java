package shop.commerce.support.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The storefront's static pages (src/main/resources/static), the only static resources the service
 * serves: Spring's default mappings stay off ({@code spring.web.resources.add-mappings: false}), so a
 * file put anywhere else on the class path is never published. {@code /} shows the shop.
 */
@Configuration(proxyBeanMethods = false)
public class StorefrontPages implements WebMvcConfigurer {

    /** The paths anyone may read, token or not (see the security configuration). */
    public static final List<String> PATHS = List.of("/", "/index.html", "/admin.html", "/assets/**");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/index.html", "/admin.html").addResourceLocations("classpath:/static/");
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/index.html");
    }
}

package shop.commerce.support.web;

import java.security.Principal;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Health on the API port when a management port is set. Spring Boot then serves every actuator
 * endpoint on the management port only, and its health groups' {@code additional-path} takes a
 * single path segment, so it cannot keep {@code /actuator/health} where load balancers, scripts
 * and docs/api.md expect it. This answers {@code /actuator/health} and its groups from the same
 * health endpoint, with the same statuses and the same rule for details ({@code ADMIN} only).
 */
@RestController
@Hidden
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class HealthOnApiPort {

    private final HealthEndpointWebExtension health;

    HealthOnApiPort(HealthEndpointWebExtension health) {
        this.health = health;
    }

    @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HealthDescriptor> overall(HttpServletRequest request) {
        return answer(health.health(ApiVersion.LATEST, WebServerNamespace.MANAGEMENT, security(request)));
    }

    @GetMapping(path = "/actuator/health/{group}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HealthDescriptor> group(@PathVariable String group, HttpServletRequest request) {
        return answer(health.health(ApiVersion.LATEST, WebServerNamespace.MANAGEMENT, security(request), group));
    }

    private static ResponseEntity<HealthDescriptor> answer(WebEndpointResponse<HealthDescriptor> response) {
        if (response.getBody() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.status(response.getStatus()).body(response.getBody());
    }

    private static SecurityContext security(HttpServletRequest request) {
        return new SecurityContext() {
            @Override
            public Principal getPrincipal() {
                return request.getUserPrincipal();
            }

            @Override
            public boolean isUserInRole(String role) {
                return request.isUserInRole(role);
            }
        };
    }
}

package cn.ganxun.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Three doors:
 * <ul>
 * <li>{@code /api/**}: Ganxun REST API, HTTP Basic against Camunda's identity service; the caller's Camunda
 * groups are its authorities and the engine sees the same user (authorization checks apply).</li>
 * <li>{@code /engine-rest/**}: Camunda's engine REST API behind Camunda's own authentication filter.</li>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin with their own login and CSRF protection.</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            IdentityService identityService) throws Exception {
        AuthenticationEntryPoint loginRequired = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ganxun\"");
            writeError(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录（用户名或密码错误）");
        };
        return http.securityMatcher(path("/api/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
                // stateless HTTP Basic: no session cookie, so no CSRF exposure
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(loginRequired)
                        .accessDeniedHandler((request, response, e) ->
                                writeError(response, HttpServletResponse.SC_FORBIDDEN, "无权访问：您的角色不能执行此操作")))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
        // Tasklist/Cockpit/Admin authenticate and protect against CSRF themselves; the engine REST API is
        // guarded by Camunda's authentication filter registered below.
        return http.securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/"), path("/index.html"), path("/v3/api-docs/**"), path("/swagger-ui/**"),
                                path("/swagger-ui.html"), path("/actuator/health"), path("/error"), path("/favicon.ico"),
                                path("/attendance.html"), path("/archive.html"), path("/verify.html"), path("/public/**"))
                        .permitAll()
                        .anyRequest().denyAll())
                .csrf(withDefaults())
                .build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * HTTP Basic for the engine REST API, checked by Camunda against its identity service; the engine then applies
     * its authorizations to the user. The URL pattern comes from the Jersey application path (as Camunda Run does),
     * so moving the API with {@code spring.jersey.application-path} cannot leave it unauthenticated, and the
     * filter runs right after Spring Security, before Camunda's other REST filters. A user who just failed to log
     * in is locked by Camunda for a few seconds (ENGINE-27001, doubling up to 60 s): the right password then still
     * gets 401 until the lock expires, on /engine-rest and /api alike.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(JerseyApplicationPath jersey) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns(jersey.getUrlMapping());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    static void writeError(HttpServletResponse response, int status, String message) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
    }
}

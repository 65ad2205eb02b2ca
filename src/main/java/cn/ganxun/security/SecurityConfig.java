package cn.ganxun.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Four doors:
 * <ul>
 * <li>{@code /portal/**}: the Ganxun portal, form login against Camunda's identity service; the session it opens
 * also authenticates {@code /api/**} and Tasklist/Cockpit ({@link CamundaWebappLogin}), so a user logs in once.</li>
 * <li>{@code /api/**}: Ganxun REST API, HTTP Basic against Camunda's identity service, or the portal's session
 * (then a changing request needs the portal's CSRF token); the caller's Camunda groups are its authorities and the
 * engine sees the same user (authorization checks apply).</li>
 * <li>{@code /engine-rest/**}: Camunda's engine REST API behind Camunda's own authentication filter.</li>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin with their own login and CSRF protection.</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String LOGIN_PAGE = "/portal/login.html";
    static final String PORTAL_HOME = "/portal/";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** The portal's CSRF token travels in a cookie the portal's script reads and echoes in a header. */
    static final String CSRF_COOKIE = "GANXUN-XSRF";
    static final String CSRF_HEADER = "X-GANXUN-XSRF";

    @Bean
    CsrfTokenRepository portalCsrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookiePath("/");
        return tokens;
    }

    @Bean
    @Order(0)
    SecurityFilterChain portalSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            CsrfTokenRepository portalCsrfTokens, CamundaWebappLogin webappLogin) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();
        landing.setDefaultTargetUrl(PORTAL_HOME);
        return http.securityMatcher(new OrRequestMatcher(path("/portal/**"), path("/webjars/**")))
                .authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/portal/login.html"), path("/portal/login.js"), path("/portal/portal.css"),
                                path("/webjars/**"))
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl("/portal/login")
                        .successHandler((request, response, authentication) -> {
                            webappLogin.open(request, authentication.getName());
                            landing.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureUrl(LOGIN_PAGE + "?error"))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout")
                        .deleteCookies("JSESSIONID", CSRF_COOKIE))
                .csrf(csrf -> csrf.csrfTokenRepository(portalCsrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                // write the token cookie on every page, so the login form and the portal's script can send it back
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            IdentityService identityService, CsrfTokenRepository portalCsrfTokens) throws Exception {
        AuthenticationEntryPoint loginRequired = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ganxun\"");
            writeError(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录（用户名或密码错误）");
        };
        return http.securityMatcher(path("/api/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
                // HTTP Basic creates no session; a portal session (form login) is honoured, and then a changing request
                // must carry the portal's CSRF token: a cookie-authenticated call is the only kind a foreign page can
                // make the browser send
                .securityContext(context -> context.securityContextRepository(existingSessionOnly()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.csrfTokenRepository(portalCsrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::isSessionWrite))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
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

    /** Reads the portal's session; never opens one (HTTP Basic callers stay sessionless). */
    private static HttpSessionSecurityContextRepository existingSessionOnly() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setAllowSessionCreation(false);
        return repository;
    }

    private static boolean isSessionWrite(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
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

    /** Loads the deferred CSRF token so the repository writes its cookie on this response. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    static void writeError(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
    }
}

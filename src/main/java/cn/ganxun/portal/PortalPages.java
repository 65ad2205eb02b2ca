package cn.ganxun.portal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The portal is the system's front door: {@code /} and {@code /portal/} open its home page. */
@Configuration
class PortalPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/portal/");
        registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
    }
}

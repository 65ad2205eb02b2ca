package cn.ganxun.portal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/** The old stand-alone archive page ({@code /archive.html}) lives on as the portal's cadre page. */
@Controller
@Hidden
class ArchiveRedirect {

    static final String CADRE_PAGE = "/portal/cadre.html";

    @GetMapping("/archive.html")
    ResponseEntity<Void> archive(HttpServletRequest request) {
        String query = request.getQueryString();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, query == null ? CADRE_PAGE : CADRE_PAGE + "?" + query).build();
    }
}

package cn.ganxun;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GanxunApplication {

    public static void main(String[] args) {
        SpringApplication.run(GanxunApplication.class, args);
    }
}

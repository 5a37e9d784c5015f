package io.wxcard.examples.teahouse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A tea house's own Spring Boot application that embeds wxcard: the starter on its classpath, its DataSource and
 * {@code wxcard.*} in application.properties, and nothing else wired by hand. Its own code ({@link PurchaseController})
 * takes wxcard's use cases as beans.
 */
@SpringBootApplication
public class TeaHouseApplication {

    public static void main(String[] args) {
        SpringApplication.run(TeaHouseApplication.class, args);
    }
}

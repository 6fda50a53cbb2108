package shop.commerce.support.time;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code commerce.zone}: the shop's calendar zone, used for day boundaries such as the ranking's. */
@ConfigurationProperties("commerce")
public record ZoneProperties(@DefaultValue("Asia/Seoul") ZoneId zone) {
}

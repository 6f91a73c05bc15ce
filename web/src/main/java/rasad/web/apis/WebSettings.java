package rasad.web.apis;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the pages find the two APIs ({@code rasad.web.*}): server-side calls, never the browser's. */
@ConfigurationProperties("rasad.web")
public record WebSettings(URI commandUrl, URI queryUrl) {}

package rasad.edge.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import rasad.edge.problem.FieldError;
import rasad.edge.problem.Problems;

/**
 * Query parameters are named in plain words ({@code asOf}, {@code county}, {@code response_type}). A name with
 * brackets or dots ({@code county[$ne]}, {@code status[0]}, {@code a.class.module}) is how a probe asks a binder
 * for a nested property or an operator: no Rasad endpoint takes one, so it is refused by name, before any binder
 * can read it.
 */
public class ParameterNames extends OncePerRequestFilter {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final int SHOWN = 80;

    private final ObjectMapper json;

    public ParameterNames(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<FieldError> refused = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String encoded = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            String name;
            try {
                name = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                refused.add(new FieldError(
                        shown(encoded), "PERCENT_ENCODING", "a query parameter's name has a broken percent-escape"));
                continue;
            }
            if (!PLAIN_NAME.matcher(name).matches()) {
                refused.add(
                        new FieldError(
                                shown(name),
                                "PARAMETER_NAME",
                                "a query parameter is named with letters, digits, '_' and '-' (at most 64), never brackets or dots"));
            }
        }
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, json, Problems.invalid(refused));
    }

    private static String shown(String name) {
        return name.length() <= SHOWN ? name : name.substring(0, SHOWN) + "…";
    }
}

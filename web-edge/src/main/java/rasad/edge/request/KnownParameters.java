package rasad.edge.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import rasad.edge.problem.FieldError;
import rasad.edge.problem.InvalidFieldsException;

/**
 * A query parameter no endpoint reads is refused by name, never ignored: {@code /api/facilities?nationalId=…}
 * answering every facility, as if filtered, is worse than a 400. What an endpoint reads is what its method
 * declares: its {@code @RequestParam}s and the components of the records it binds parameters into.
 */
public class KnownParameters implements HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null
                || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("rasad.")
                || ErrorController.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        Set<String> names = known.computeIfAbsent(method, KnownParameters::readBy);
        if (names == null) {
            return true;
        }
        List<FieldError> unknown = new ArrayList<>();
        for (String name : queryNames(query)) {
            if (!names.contains(name)) {
                unknown.add(new FieldError(
                        name,
                        "UNKNOWN_PARAMETER",
                        names.isEmpty()
                                ? "this endpoint takes no query parameters"
                                : "this endpoint takes " + String.join(", ", names)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException(unknown);
        }
        return true;
    }

    /** The names in the query string itself: a form body's fields are not query parameters. */
    private static Set<String> queryNames(String query) {
        Set<String> names = new TreeSet<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String encoded = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                try {
                    names.add(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEscape) {
                    names.add(encoded); // refused by ParameterNames before it gets here
                }
            }
        }
        return names;
    }

    /** The parameter names a handler reads; null when it reads any (a map of them). */
    private static Set<String> readBy(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                if (Map.class.isAssignableFrom(type)) {
                    return null;
                }
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                names.add(name);
            } else if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestHeader.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)) {
                continue;
            } else if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    names.add(component.getName());
                }
            } else if (BeanUtils.isSimpleProperty(type)) {
                names.add(parameter.getParameterName());
            }
        }
        return names;
    }
}

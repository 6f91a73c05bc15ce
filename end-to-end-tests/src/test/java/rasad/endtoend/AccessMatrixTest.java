package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × endpoint matrix of docs/access.md, checked against both running applications: every endpoint
 * their request mappings declare has a row (a new endpoint without a rule fails the build, and so does a row
 * for an endpoint that is gone), and every cell is one test — the role's demo user calls the endpoint over real
 * HTTP and is let through (✓: any answer but 401 and 403) or refused (—: 403); nobody unsigned gets in (401)
 * but where the row says "open". Within what a role is let through, the scope column says what narrows it
 * further (their bank, agency, county or assignments), which each endpoint's own tests check with data.
 */
class AccessMatrixTest {

    static final Path MATRIX = Path.of("..", "docs", "access.md");
    static final List<String> ROLES =
            List.of("inspector", "agency-clerk", "bank-officer", "manager", "auditor", "admin", "monitoring");
    /** Values that pass each path variable's type, so that the role check is what answers. */
    static final Map<String, String> PLACEHOLDERS = Map.ofEntries(
            Map.entry("fiscalYear", "1404"),
            Map.entry("nationalId", "0499370899"),
            Map.entry("sha256", "0".repeat(64)),
            Map.entry("kind", "COUNTY"),
            Map.entry("rule", "R5"),
            Map.entry("holderKind", "BANK"),
            Map.entry("programme", "HOME_BUSINESS"),
            Map.entry("scopeKind", "PROVINCE"),
            Map.entry("scopeCode", "east-azerbaijan"),
            Map.entry("alertId", "r5.matrix-f"));
    /** Values for the query parameters an endpoint requires. */
    static final Map<String, String> PARAMETERS = Map.of("at", "2025-06-01T00:00:00Z", "fiscalYear", "1404");

    @TempDir
    static Path dataDir;

    static RasadCluster rasad;
    static final HttpClient http = HttpClient.newHttpClient();
    /** Each declared endpoint's shape, read from its handler method. */
    static final Map<String, Shape> SHAPES = new HashMap<>();

    record Row(String side, String method, String path, List<String> cells, String scope) {
        String key() {
            return side + " " + method + " " + path;
        }
    }

    /** What a call needs to reach the role check: the query parameters it requires, a multipart body. */
    record Shape(List<String> requiredParameters, boolean multipart) {}

    @BeforeAll
    static void start() throws IOException {
        rasad = RasadCluster.embedded(EmbeddedDefaultEndToEndTest.freePort(), dataDir, "memory");
    }

    @AfterAll
    static void stop() {
        rasad.close();
    }

    @Test
    void every_endpoint_of_both_sides_has_a_row_and_every_row_an_endpoint() throws IOException {
        TreeSet<String> documented = new TreeSet<>();
        rows().forEach(row -> documented.add(row.key()));

        TreeSet<String> withoutRule = new TreeSet<>(declared());
        withoutRule.removeAll(documented);
        TreeSet<String> stale = new TreeSet<>(documented);
        stale.removeAll(declared());
        assertThat(withoutRule).as("endpoints without a row in docs/access.md").isEmpty();
        assertThat(stale)
                .as("rows of docs/access.md for endpoints that do not exist")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> every_cell() throws IOException {
        declared();
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : rows()) {
            boolean open = row.scope().startsWith("open");
            cells.add(DynamicTest.dynamicTest(row.key() + " × anonymous", () -> {
                int status = callAs(row, null);
                if (open) {
                    assertThat(status).as(row.key() + " unsigned").isNotIn(401, 403);
                } else {
                    assertThat(status).as(row.key() + " unsigned").isEqualTo(401);
                }
            }));
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                boolean allowed = row.cells().get(i).equals("✓");
                cells.add(DynamicTest.dynamicTest(row.key() + " × " + role, () -> {
                    int status = callAs(row, role);
                    if (allowed) {
                        assertThat(status).as(row.key() + " as " + role).isNotIn(401, 403);
                    } else {
                        assertThat(status).as(row.key() + " as " + role).isEqualTo(403);
                    }
                }));
            }
        }
        return cells.stream();
    }

    static TreeSet<String> declared() {
        TreeSet<String> declared = new TreeSet<>();
        declared.addAll(endpointsOf("command", rasad.commandSide()));
        declared.addAll(endpointsOf("query", rasad.querySide()));
        return declared;
    }

    private static List<String> endpointsOf(String side, ConfigurableApplicationContext context) {
        List<String> endpoints = new ArrayList<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .forEach((mapping, handler) -> mapping.getPatternValues().forEach(path -> {
                    List<String> keys = new ArrayList<>();
                    var methods = mapping.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        keys.add(side + " ANY " + path);
                    }
                    methods.forEach(method -> keys.add(side + " " + method + " " + path));
                    Shape shape = shape(mapping, handler);
                    keys.forEach(key -> SHAPES.put(key, shape));
                    endpoints.addAll(keys);
                }));
        return endpoints;
    }

    private static Shape shape(RequestMappingInfo mapping, HandlerMethod handler) {
        List<String> required = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null
                    && param.required()
                    && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                    && !MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                required.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
            }
        }
        boolean multipart = mapping.getConsumesCondition().getConsumableMediaTypes().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA));
        return new Shape(required, multipart);
    }

    /** The table's rows: {@code | side | method | `path` | a cell per role | scope |}. */
    static List<Row> rows() throws IOException {
        Pattern line =
                Pattern.compile("^\\|\\s*(command|query)\\s*\\|\\s*([A-Z]+)\\s*\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$");
        List<Row> rows = new ArrayList<>();
        for (String text : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
            Matcher matched = line.matcher(text);
            if (!matched.matches()) {
                continue;
            }
            String[] cells = matched.group(4).split("\\|", -1);
            assertThat(cells.length).as("a cell per role and a scope: " + text).isEqualTo(ROLES.size() + 1);
            List<String> roleCells = new ArrayList<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String cell = cells[i].trim();
                assertThat(cell).as("a cell is ✓ or —: " + text).isIn("✓", "—");
                roleCells.add(cell);
            }
            rows.add(new Row(
                    matched.group(1), matched.group(2), matched.group(3), roleCells, cells[ROLES.size()].trim()));
        }
        return rows;
    }

    static int callAs(Row row, String user) throws Exception {
        String base = row.side().equals("command") ? rasad.commandUrl() : rasad.queryUrl();
        Matcher variables = Pattern.compile("\\{([^}/]+)}").matcher(row.path());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(path, PLACEHOLDERS.getOrDefault(variables.group(1), "matrix-x"));
        }
        variables.appendTail(path);
        Shape shape = SHAPES.getOrDefault(row.key(), new Shape(List.of(), false));
        String query = shape.requiredParameters().isEmpty()
                ? ""
                : shape.requiredParameters().stream()
                        .map(name -> name + "=" + PARAMETERS.getOrDefault(name, "matrix-x"))
                        .collect(Collectors.joining("&", "?", ""));
        String method = row.method().equals("ANY") ? "GET" : row.method();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + query));
        if (shape.multipart()) {
            String boundary = "matrix-boundary";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            request.method(
                    method,
                    HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                            + "name=\"file\"; filename=\"m.txt\"\r\nContent-Type: text/plain\r\n\r\nmatrix\r\n--"
                            + boundary + "--\r\n"));
        } else if (method.equals("POST") || method.equals("PUT")) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}

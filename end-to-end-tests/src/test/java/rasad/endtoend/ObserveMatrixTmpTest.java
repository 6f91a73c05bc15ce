package rasad.endtoend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ObserveMatrixTmpTest extends AccessMatrixTest {
    @Test
    void observe() throws Exception {
        TreeSet<String> declared = new TreeSet<>();
        declared.addAll(endpointsOf("command", rasad.commandSide()));
        declared.addAll(endpointsOf("query", rasad.querySide()));
        List<String> out = new ArrayList<>();
        for (String key : declared) {
            String[] p = key.split(" ", 3);
            Row row = new Row(p[0], p[1], p[2], List.of(), "");
            StringBuilder line = new StringBuilder("| " + p[0] + " | " + p[1] + " | `" + p[2] + "` |");
            int anon = callAs(row, null);
            for (String role : ROLES) {
                int s = callAs(row, role);
                line.append(" ").append(s == 403 ? "—" : "✓").append(" |");
                line.append("<!--").append(s).append("-->");
            }
            line.append(" anon=").append(anon).append(" |");
            out.add(line.toString());
        }
        Files.write(Path.of("/tmp/observed.md"), out);
    }
}

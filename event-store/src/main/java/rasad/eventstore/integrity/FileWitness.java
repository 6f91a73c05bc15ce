package rasad.eventstore.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default witness: an append-only file of one JSON line per seal, outside the database. Several sealers
 * on one machine may append to the same file; a lock keeps their lines whole.
 */
public final class FileWitness implements SealWitness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private String lastPositionVersion = "";
    private long lastPosition;

    public FileWitness(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public void witness(Seal seal) {
        byte[] line = (line(seal) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    FileLock ignored = channel.lock()) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the seal witness " + file, e);
        }
    }

    /** Every line as witnessed, in order; a line that is not a witness entry is kept as unreadable. */
    public List<WitnessEntry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<WitnessEntry> entries = new ArrayList<>();
        try {
            int number = 0;
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (!text.isBlank()) {
                    entries.add(WitnessEntry.parse(number, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seal witness " + file, e);
        }
        return entries;
    }

    @Override
    public long lastWitnessedBlock() {
        return entries().stream()
                .filter(entry -> entry.unreadable() == null)
                .mapToLong(WitnessEntry::block)
                .max()
                .orElse(0);
    }

    /**
     * The last position a witnessed seal covers: below it, every position was sealed once. Asked by every case
     * verification, so the file is read again only when it has changed (its size or time).
     */
    public synchronized long lastWitnessedPosition() {
        String version = version();
        if (!version.equals(lastPositionVersion)) {
            lastPosition = entries().stream()
                    .filter(entry -> entry.unreadable() == null)
                    .mapToLong(WitnessEntry::to)
                    .max()
                    .orElse(0);
            lastPositionVersion = version;
        }
        return lastPosition;
    }

    private String version() {
        try {
            return Files.exists(file)
                    ? Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis()
                    : "none";
        } catch (IOException unreadable) {
            return "unreadable@" + System.nanoTime(); // read it, and say so, rather than trust an old answer
        }
    }

    /** The file as witnessed, byte for byte: what an auditor exports. */
    public byte[] export() {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seal witness " + file, e);
        }
    }

    static String line(Seal seal) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("block", seal.block());
        entry.put("from", seal.from());
        entry.put("to", seal.to());
        entry.put("merkleRoot", seal.merkleRoot());
        entry.put("previous", seal.previous());
        entry.put("chained", seal.chained());
        entry.put("sealedAt", seal.sealedAt());
        entry.put("keyId", seal.keyId());
        entry.put("signature", seal.signature());
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a seal is always JSON", e);
        }
    }
}

package io.balance.supervision.evidence;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.SupervisionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Stores an evidence file once it passed the checks (size, type detected from the content, consistent name and
 * declared type), with its SHA-256; hands a file out with an audit row in the same transaction.
 */
@ApplicationScoped
public class EvidenceService {
    @Inject
    EvidenceRepository evidence;
    @Inject
    SupervisionConfig config;

    /** What the upload answers. */
    public record Uploaded(String id, String sha256, long size, String contentType, String filename) {
    }

    /** 400 naming the reason (field {@code file}) before anything is stored. */
    @Transactional
    public Uploaded store(long problemId, String filename, String declaredType, byte[] content, String by)
            throws SQLException {
        long max = config.evidence().maxBytes();
        if (content.length > max) {
            throw ProblemException.invalid("file", "the file is " + content.length + " bytes; the limit is " + max + " bytes");
        }
        String name = filename == null || filename.isBlank() ? "evidence" : filename;
        if (name.length() > 255) {
            throw ProblemException.invalid("file", "the file name is longer than 255 characters");
        }
        ContentCheck.Verdict verdict = ContentCheck.check(content, name, declaredType, config.evidence().types());
        if (verdict.refusal() != null) {
            throw ProblemException.invalid("file", verdict.refusal());
        }
        UUID id = UUID.randomUUID();
        String sha256 = sha256(content);
        evidence.insert(id, problemId, name, verdict.contentType(), content, sha256, by, Instant.now());
        return new Uploaded(id.toString(), sha256, content.length, verdict.contentType(), name);
    }

    /** The file and an audit row of who took it; null when there is no such file. */
    @Transactional
    public EvidenceRepository.StoredFile download(UUID id, java.util.function.Predicate<String> mayReadCounty,
            String actor, String role) throws SQLException {
        EvidenceRepository.StoredFile f = evidence.load(id);
        if (f == null || !mayReadCounty.test(f.countyCode())) {
            return null;
        }
        evidence.audit(id, actor, role);
        return f;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

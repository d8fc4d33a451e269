package org.mitan.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.GrantedAuthority;

/**
 * Logins whose password was checked against the identity service a short time ago, with the groups and tenants read
 * then (as authorities). The API is stateless: a phone or the call centre sends its Basic login with every call, and
 * every call used to read the user, check the password and read the groups, each a query or a hash (issue 11). A
 * login seen again within {@code timeToLive} with the same password is taken as checked.
 * <p>
 * What is kept is not the password but an HMAC of it under a key drawn at start-up and never stored. A different
 * password misses and is checked by the identity service, so a new password works at once and a wrong one still
 * counts as a failed attempt. Every change to users, groups or memberships made through the engine (Camunda Admin,
 * the engine REST API, the application) forgets every login ({@link IdentityChangesForgetLogins}); a change made
 * outside this node (another node, SQL) takes effect here within {@code timeToLive}. A time to live of zero keeps
 * nothing.
 */
final class CheckedLogins {

    /** More logins than this in one time to live and the oldest are not kept; the cache never grows without bound. */
    static final int MAX_LOGINS = 10_000;

    private final Duration timeToLive;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    CheckedLogins(Duration timeToLive, Clock clock) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("The time to live of a checked login cannot be negative: " + timeToLive);
        }
        this.timeToLive = timeToLive;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The groups (as authorities) of a login checked within the time to live with this password; else null. */
    List<GrantedAuthority> authoritiesOf(String userId, String password) {
        if (timeToLive.isZero()) {
            return null;
        }
        Login login = logins.get(userId);
        if (login == null || !clock.instant().isBefore(login.expires())
                || !MessageDigest.isEqual(login.proof(), proof(userId, password))) {
            return null;
        }
        return login.authorities();
    }

    /** To be read before a login is checked, and given to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    /**
     * Keeps a login the identity service has just accepted, with the groups it read, unless users, groups or
     * memberships changed since {@code generation} was read: what was read may predate the change.
     */
    void remember(String userId, String password, List<? extends GrantedAuthority> authorities, long generation) {
        if (timeToLive.isZero() || generation != this.generation.get()) {
            return;
        }
        Instant now = clock.instant();
        if (logins.size() >= MAX_LOGINS) {
            logins.values().removeIf(login -> !now.isBefore(login.expires()));
            if (logins.size() >= MAX_LOGINS) {
                logins.clear();
            }
        }
        Login login = new Login(proof(userId, password), List.copyOf(authorities), now.plus(timeToLive));
        logins.put(userId, login);
        if (generation != this.generation.get()) {
            logins.remove(userId, login);   // a change came while it was being put
        }
    }

    /** After a change of users, groups or memberships: every login is checked again at its next call. */
    void forgetAll() {
        generation.incrementAndGet();
        logins.clear();
    }

    int size() {
        return logins.size();
    }

    private byte[] proof(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private record Login(byte[] proof, List<GrantedAuthority> authorities, Instant expires) {
    }
}

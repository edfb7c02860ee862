package dev.weft.cli.login;

import dev.weft.cli.GlobalEnv;
import dev.weft.cli.UsageException;
import dev.weft.output.cloud.CloudConfig;
import dev.weft.output.cloud.CloudLogin;
import dev.weft.output.cloud.CloudLoginException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code weft login cloud [--token T] [--reset]}: checks a token with the results service and
 * stores it (mode 0600), or asks for email and password (hidden) and stores the token it gets.
 * Exit codes: 0 stored, 1 refused by the service or unreachable, 255 bad flags.
 */
public final class LoginCommand {
    private final GlobalEnv global;

    public LoginCommand(GlobalEnv global) {
        this.global = global;
    }

    public int run(List<String> args) throws UsageException {
        if (args.isEmpty() || !args.get(0).equals("cloud")) {
            throw new UsageException("unknown login service: use \"weft login cloud [--token T]\"");
        }
        String token = null;
        boolean reset = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--token") || a.equals("-t")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("flag needs an argument: " + a);
                }
                token = args.get(++i);
            } else if (a.startsWith("--token=")) {
                token = a.substring("--token=".length());
            } else if (a.equals("--reset") || a.equals("-r")) {
                reset = true;
            } else {
                throw new UsageException("unknown flag: " + a);
            }
        }
        CloudLogin login = new CloudLogin(global.env());
        String host = CloudConfig.resolve(global.env()).host();
        try {
            if (reset) {
                global.stdout().println("removed the stored token from " + login.reset());
                return 0;
            }
            CloudLogin.Result r = token != null ? login.validateAndStore(host, token) : passwordLogin(login, host);
            global.stdout().println("Logged in to " + r.host() + "; token stored in " + r.configFile());
            return 0;
        } catch (CloudLoginException e) {
            global.stderr().println("ERRO[0000] login cloud: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            global.stderr().println("ERRO[0000] login cloud: can't read the credentials: " + e.getMessage());
            return 1;
        }
    }

    private CloudLogin.Result passwordLogin(CloudLogin login, String host) throws IOException, CloudLoginException {
        Console console = System.console();
        String email;
        String password;
        if (console != null) {
            email = console.readLine("  Email: ");
            char[] pw = console.readPassword("  Password: ");
            password = pw == null ? "" : new String(pw);
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(global.stdin(), StandardCharsets.UTF_8));
            global.stdout().print("  Email: ");
            global.stdout().flush();
            email = in.readLine();
            global.stdout().print("  Password: ");
            global.stdout().flush();
            password = in.readLine();
        }
        return login.loginWithPassword(host, email == null ? "" : email.trim(), password == null ? "" : password);
    }
}

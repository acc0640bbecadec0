package dev.tocsin.web;

/**
 * What every page's frame shows: who is signed in, the anti-forgery token its forms send, where assets are, which
 * section is open, and a message left by the previous action (a "flash"), if any.
 */
public record Page(String title, String userName, String userId, String role, String csrf, Assets assets, String section,
                   String flash, String error) {
    public boolean signedIn() {
        return userId != null;
    }

    public boolean admin() {
        return "admin".equals(role);
    }

    public boolean mayAct() {
        return "admin".equals(role) || "responder".equals(role);
    }
}

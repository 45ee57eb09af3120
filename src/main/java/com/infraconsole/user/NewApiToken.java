package com.infraconsole.user;

/** A token just created: {@code token} is its text, shown this once and stored nowhere. */
public record NewApiToken(ApiTokenInfo info, String token) {

    @Override
    public String toString() {
        return "NewApiToken[" + info.name() + ", " + info.hint() + "...]";
    }
}

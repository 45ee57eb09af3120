package com.infraconsole.base;

/** Every download slot is taken (see DownloadSlots); nothing was read or written. */
public class TooManyDownloadsException extends RuntimeException {

    public TooManyDownloadsException(int running) {
        super("Too many downloads are running (" + running + " at once at most). Please try again in a minute.");
    }
}

package com.infraconsole.server;

import com.infraconsole.base.InvalidInputException;

/** A file over the import limits (bytes or rows): refused whole, before anything is read into a preview. */
public class ImportLimitException extends InvalidInputException {

    public ImportLimitException(String message) {
        super(java.util.Map.of("file", message));
    }

    static ImportLimitException tooManyRows() {
        return new ImportLimitException("The file has more than " + ServerTransferService.MAX_ROWS
                + " rows; import at most " + ServerTransferService.MAX_ROWS + " at a time. Nothing was imported.");
    }
}

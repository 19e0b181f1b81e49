package dev.raven.app;

import io.javalin.security.RouteRole;

/**
 * Routes that take a picture: a multipart/form-data body up to media.max.bytes (plus the
 * form around it) instead of http.max.body.bytes. Their paths must also be listed in
 * media.UploadPaths, which the body reader consults before routing (checked at start-up).
 */
public enum Uploads implements RouteRole {
    PICTURE
}

package dev.raven.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/**
 * Renders the templates of src/main/jte, compiled to classes at build time by the JTE Maven
 * plugin: nothing is parsed at run time, and a template error fails the build. Output is
 * HTML-escaped by default (ContentType.Html).
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, params, out);
        return out.toString();
    }
}

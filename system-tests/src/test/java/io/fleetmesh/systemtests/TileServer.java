package io.fleetmesh.systemtests;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A map tile server on loopback, as a control room without internet would run its own: every {z}/{x}/{y}.png is the
 * same plain tile. It records the paths asked for, so a test sees the browser loading tiles.
 */
final class TileServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    TileServer() throws IOException {
        byte[] tile = tile();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, tile.length);
            exchange.getResponseBody().write(tile);
            exchange.close();
        });
        server.start();
    }

    /** The URL template for {@code fleetmesh.ui.map.tiles}. */
    String template() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
    }

    List<String> requested() {
        return requested;
    }

    private static byte[] tile() {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xe8, 0xf0, 0xe0));
        graphics.fillRect(0, 0, 256, 256);
        graphics.setColor(new Color(0xc0, 0xc8, 0xb8));
        graphics.drawRect(0, 0, 255, 255);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

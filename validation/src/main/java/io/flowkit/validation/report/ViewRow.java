package io.flowkit.validation.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Several {@link ShapeView}s side by side in one PNG, left to right: a method's input, its output
 * and the reference, say, each framed on its own content and titled.
 *
 * <pre>{@code
 * ViewRow.of(inputView, outputView, referenceView).writePng(Path.of("cow.png"));
 * }</pre>
 */
public final class ViewRow {

    private final List<ShapeView> views;

    private ViewRow(List<ShapeView> views) {
        this.views = views;
    }

    /**
     * @param views the views, left to right, at least one, none null
     * @return the row
     * @throws IllegalArgumentException if there is no view or one is null
     */
    public static ViewRow of(ShapeView... views) {
        if (views == null || views.length == 0 || Arrays.stream(views).anyMatch(v -> v == null)) {
            throw new IllegalArgumentException("a view row needs at least one view and no null view: "
                    + (views == null ? "null" : Arrays.toString(views)));
        }
        return new ViewRow(List.of(views));
    }

    /** @return the row drawn on one white canvas, as wide as the views together and as high as the highest */
    public BufferedImage render() {
        List<BufferedImage> images = views.stream().map(ShapeView::render).toList();
        int width = images.stream().mapToInt(BufferedImage::getWidth).sum();
        int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage row = Png.canvas(width, height);
        Graphics2D g = row.createGraphics();
        int x = 0;
        for (BufferedImage image : images) {
            g.drawImage(image, x, 0, null);
            x += image.getWidth();
        }
        g.dispose();
        return row;
    }

    /**
     * Renders and writes the row as PNG.
     *
     * @param file the target file
     * @throws IOException on a failure to write; the target is then unchanged
     */
    public void writePng(Path file) throws IOException {
        Png.write(render(), file);
    }
}

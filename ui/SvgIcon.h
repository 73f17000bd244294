// Monochrome SVG icons from the resources, recoloured when loaded so one file serves every
// state (normal, selected, empty-state) without a copy per colour.
#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace SvgIcon {

// The SVG at `resource` (which draws with `currentColor`) rendered in `color`, `size`
// logical pixels square at device pixel ratio `dpr`. Null (and a warning) when the file is
// missing or Qt's SVG image plugin is not installed.
QPixmap pixmap(const QString &resource, const QColor &color, int size, qreal dpr = 1.0);

// An icon with crisp 1x and 2x pixmaps, drawn in `normal` and, for selected items, `selected`.
QIcon icon(const QString &resource, const QColor &normal, const QColor &selected, int size);

} // namespace SvgIcon

// ExportPage: the film (or some shots, or a time range) as a watermarked MP4: size, quality,
// subtitles and the creator's handle; a progress bar and Cancel while it encodes.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls
import Kinora.Export

Item {
    id: page
    objectName: "exportPage"
    required property var storyboard
    readonly property alias viewModel: model

    ExportViewModel {
        id: model
        storyboard: page.storyboard
    }
    onVisibleChanged: if (visible) model.refresh()

    // Where the film goes: beside the project, named after it, until the user types another path.
    // (Qt 6.4's own save dialog cannot accept a name while a folder is highlighted.)
    function defaultOutput() {
        const project = storyboard.projectPath || ""
        return project.length > 0 ? project.replace(/\.kinora$/, "") + ".mp4" : ""
    }
    Connections {
        target: page.storyboard
        function onProjectChanged() { outputField.text = page.defaultOutput() }
    }

    readonly property var presetLabels: ({
        "landscape-1080": qsTr("Landscape 1080p (1920×1080)"),
        "landscape-720": qsTr("Landscape 720p (1280×720)"),
        "vertical-1080": qsTr("Vertical 1080p (1080×1920, social apps)"),
        "square-1080": qsTr("Square 1080p (1080×1080)")
    })

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 10

        Label {
            text: qsTr("Export")
            font.pixelSize: Theme.fontSize * 1.6
            font.bold: true
            color: Theme.text
        }
        Label {
            objectName: "exportSummary"
            text: model.summary
            color: Theme.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        GridLayout {
            columns: 2
            columnSpacing: 16
            rowSpacing: 8
            enabled: !model.busy && page.storyboard.isOpen

            FieldLabel { text: qsTr("Save as") }
            TextField {
                id: outputField
                objectName: "outputField"
                Layout.preferredWidth: 520
                placeholderText: qsTr("/path/to/film.mp4")
                text: page.defaultOutput()
                selectByMouse: true
            }
            FieldLabel { text: qsTr("Size") }
            ComboBox {
                objectName: "presetBox"
                Layout.preferredWidth: 360
                model: page.viewModel.presetOptions
                displayText: page.presetLabels[currentValue] || currentValue
                delegate: ItemDelegate {
                    required property string modelData
                    width: ListView.view.width
                    text: page.presetLabels[modelData]
                }
                currentIndex: Math.max(0, page.viewModel.presetOptions.indexOf(page.viewModel.preset))
                onActivated: index => { page.viewModel.preset = page.viewModel.presetOptions[index]; page.viewModel.refresh() }
            }
            FieldLabel { text: qsTr("Quality") }
            ComboBox {
                objectName: "qualityBox"
                Layout.preferredWidth: 360
                textRole: "text"
                valueRole: "value"
                model: [{ value: "high", text: qsTr("High (slower, larger)") },
                        { value: "balanced", text: qsTr("Balanced") },
                        { value: "fast", text: qsTr("Fast (quick share copy)") }]
                Component.onCompleted: currentIndex = indexOfValue(page.viewModel.quality)
                onActivated: page.viewModel.quality = currentValue
            }
            FieldLabel { text: qsTr("Subtitles") }
            ComboBox {
                objectName: "subtitlesBox"
                Layout.preferredWidth: 360
                textRole: "text"
                valueRole: "value"
                model: [{ value: "soft", text: qsTr("Subtitle track (players can turn it off)") },
                        { value: "burn", text: qsTr("Burned into the picture") },
                        { value: "none", text: qsTr("None") }]
                Component.onCompleted: currentIndex = indexOfValue(page.viewModel.subtitles)
                onActivated: page.viewModel.subtitles = currentValue
            }
            FieldLabel { text: qsTr("Your handle (in the watermark)") }
            TextField {
                objectName: "handleField"
                Layout.preferredWidth: 360
                placeholderText: qsTr("@name")
                text: page.viewModel.handle
                onEditingFinished: page.viewModel.handle = text
            }
            FieldLabel { text: qsTr("Shots") }
            TextField {
                objectName: "shotsField"
                Layout.preferredWidth: 360
                placeholderText: qsTr("All shots (or e.g. 1,3-4)")
                text: page.viewModel.shots
                onEditingFinished: { page.viewModel.shots = text; page.viewModel.refresh() }
            }
            FieldLabel { text: qsTr("Time range (seconds)") }
            TextField {
                objectName: "rangeField"
                Layout.preferredWidth: 360
                placeholderText: qsTr("The whole film (or e.g. 2.5-10)")
                text: page.viewModel.range
                onEditingFinished: { page.viewModel.range = text; page.viewModel.refresh() }
            }
            Item { width: 1; height: 1 }
            CheckBox {
                objectName: "skipMissingBox"
                text: qsTr("Leave out shots that are not generated yet")
                checked: page.viewModel.skipMissing
                onToggled: { page.viewModel.skipMissing = checked; page.viewModel.refresh() }
            }
            Item { width: 1; height: 1 }
            CheckBox {
                text: qsTr("Save a poster frame (PNG) beside the video")
                checked: page.viewModel.savePoster
                onToggled: page.viewModel.savePoster = checked
            }
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
            text: qsTr("Every export carries a visible Kinora watermark with your handle; it moves between corners so a crop cannot remove it.")
        }

        RowLayout {
            spacing: 10
            Button {
                objectName: "exportButton"
                text: qsTr("Export")
                highlighted: true
                enabled: !model.busy && page.storyboard.isOpen && outputField.text.trim().length > 0
                onClicked: model.start("file://" + outputField.text.trim())
            }
            Button {
                objectName: "cancelExportButton"
                text: qsTr("Cancel")
                visible: model.busy
                onClicked: model.cancel()
            }
            ProgressBar {
                objectName: "exportProgress"
                visible: model.busy
                value: model.progress
                Layout.preferredWidth: 320
            }
        }
        Label {
            objectName: "exportStatus"
            visible: text.length > 0
            text: model.status
            color: Theme.text
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "exportError"
            visible: text.length > 0
            text: model.error
            color: Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Item { Layout.fillHeight: true }
    }
}

package rasad.command.facility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.CommandMetaData;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;

@RestController
@RequestMapping("/api/facilities")
class FacilityController {

    private final CommandGateway commands;
    private final CommandMetaData metaData;
    private final URI querySide;

    FacilityController(CommandGateway commands, CommandMetaData metaData,
                       @Value("${rasad.links.query-side}") URI querySide) {
        this.commands = commands;
        this.metaData = metaData;
        this.querySide = querySide;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('BANK_OFFICER', 'ADMIN')")
    @Operation(summary = "Grant a facility",
            description = "Idempotent: the same facilityId with the same details answers as the first time and "
                    + "records nothing new; with different details it is refused (409, FACILITY_ID_TAKEN).")
    @ApiResponse(responseCode = "201", description = "Granted; Location is the case on the query side")
    @ApiResponse(responseCode = "400", description = "A field broke its rule; each is named in errors[]")
    @ApiResponse(responseCode = "409", description = "The facility id is taken by a different grant")
    ResponseEntity<GrantedFacility> grant(@RequestBody GrantFacilityRequest request) {
        GrantFacility command = request.toCommand();
        FacilityId id = dispatch(command);
        URI location = querySide.resolve("/api/facilities/" + id.value());
        return ResponseEntity.created(location).body(new GrantedFacility(id.value(), location.toString()));
    }

    /**
     * Two retries of one grant racing each other (on two instances, or one instance and a slow client) both
     * find no facility and both try to create it; the store refuses the loser's append. Dispatching once more
     * lets the loser find the winner's grant and answer as a retry.
     */
    private FacilityId dispatch(GrantFacility command) {
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(metaData.current());
        try {
            return commands.sendAndWait(message);
        } catch (AggregateStreamCreationException | ConcurrencyException lostTheRace) {
            return commands.sendAndWait(message);
        }
    }

    record GrantedFacility(String facilityId, String location) {
    }
}

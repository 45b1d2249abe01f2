package dev.appinstances.common;

import dev.appinstances.appmetadata.AppLogic;
import dev.appinstances.appmetadata.ApplicationMetadata;
import dev.appinstances.appmetadata.CopyInstanceSettings;
import dev.appinstances.appmetadata.DataType;
import dev.appinstances.appmetadata.OpenJsonObject;
import dev.appinstances.appmetadata.PartyTypesAllowed;
import dev.appinstances.data.DataElementView;
import dev.appinstances.instance.CompleteConfirmation;
import dev.appinstances.instance.InstanceOwner;
import dev.appinstances.instance.InstanceTemplate;
import dev.appinstances.instance.InstanceView;
import dev.appinstances.instance.Substatus;
import dev.appinstances.problem.Problem;
import dev.appinstances.process.ProcessElementInfo;
import dev.appinstances.process.ProcessState;
import dev.appinstances.register.RegisterSeed;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson reads or writes outside what Quarkus can see from resource signatures: jsonb
 * columns (through Hibernate's JSON mapper), the app config and register seed (read with our own
 * mappers), and documents nested in responses. A native image keeps their members for reflection.
 */
@RegisterForReflection(
        targets = {
            ApplicationMetadata.class,
            DataType.class,
            AppLogic.class,
            PartyTypesAllowed.class,
            CopyInstanceSettings.class,
            OpenJsonObject.class,
            RegisterSeed.class,
            RegisterSeed.SeedParty.class,
            RegisterSeed.SeedUser.class,
            RegisterSeed.SeedDelegation.class,
            ProcessState.class,
            ProcessElementInfo.class,
            ProcessElementInfo.ValidationStatus.class,
            InstanceOwner.class,
            Substatus.class,
            CompleteConfirmation.class,
            InstanceTemplate.class,
            InstanceTemplate.OwnerTemplate.class,
            InstanceTemplate.StatusTemplate.class,
            InstanceView.class,
            InstanceView.OwnerView.class,
            InstanceView.PartyView.class,
            InstanceView.StatusView.class,
            InstanceView.ResourceLinks.class,
            DataElementView.class,
            DataElementView.Links.class,
            Problem.class
        })
public final class NativeReflection {

    private NativeReflection() {}
}
